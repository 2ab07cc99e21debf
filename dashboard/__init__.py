"""What policy staff read: a zone's targets beside its achievements, zones side by side, rankings
per metric, reports with their figures marked; the comparison rules and charts behind them."""
