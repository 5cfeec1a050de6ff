"""A model's numbers: build (preview or full), trace, costs, summary, stages, sweeps, chart data,
and its graph."""
