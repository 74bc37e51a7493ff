"""Reports people read, built on the results of the other packages (top floor of eipkit)."""

from eipkit.report.data_report import park_data_report

__all__ = ["park_data_report"]
