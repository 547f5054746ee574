"""The loader's one exception type (public as ``dashboard.data.DataError``)."""


class DataError(Exception):
    """A data file or descriptor does not match what the dashboard needs."""
