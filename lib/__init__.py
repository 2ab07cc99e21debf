"""Helpers that know nothing of zones, reports or figures: the settings' environment readers and the
like. Nothing here imports the project's apps."""
