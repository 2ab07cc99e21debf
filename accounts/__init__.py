"""Who may change the data: the editors group, its permissions and the command that makes an editor."""
