"""Batch import and export of the registers and work records (issue 3).

readers: CSV (strict encodings) and xlsx (zip-bomb checked) as rows of cells; spec: columns,
headers, cell parsing; refs: bulk look-ups; kinds*: one Spec per kind; loader: validate all,
then write all or nothing, and log the run; export: write what import reads.
Heavy readers (python-calamine, openpyxl) are imported inside functions.
"""
