"""The settings the tests run with (pytest.ini): development settings, asked for explicitly now that
DEBUG is off unless set. Tests that need production settings start manage.py with their own environment."""

import os

os.environ.setdefault("DEBUG", "1")

from config.settings import *  # noqa: F403
