"""Print the claims corpus table (recall and precision per language) at the end of the run.

The corpus test records its table with ``record_property("claims_corpus", text)``: the property
travels with the test's report, so the table is printed under pytest-xdist (``make test``) too.
"""

_TABLES: list[str] = []


def pytest_runtest_logreport(report):
    if report.when == "call":
        _TABLES.extend(v for k, v in report.user_properties if k == "claims_corpus")


def pytest_terminal_summary(terminalreporter):
    for table in _TABLES:
        terminalreporter.write_sep("-", "claims corpus (issue 27)")
        terminalreporter.write_line(table)
