"""Tests of gridctl/reports/: the workbooks and their figures, the dossier."""
