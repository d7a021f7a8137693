"""The command line: parses arguments, opens the ledger, calls one service, prints.

One module per noun (loaded by app.py only when its command runs), app.py the root and the
error boundary, output.py the one place that prints (listing.py a list's page and its count
line), options.py the shared options, fields.py a refused field shown as its flag. The top
floor: may import every package; the only one that imports typer, click or rich.
"""
