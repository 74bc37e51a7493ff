"""Figures of the report: Sankey diagrams, the park map and charts (matplotlib static, Plotly interactive)."""
