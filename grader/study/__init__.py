"""The self-study loop: `mpkit list`, `show`, `hint` and `watch`, and the progress file they share
with `mpkit grade`. cli.py only registers these commands (`commands.add_parsers`)."""
