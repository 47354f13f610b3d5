"""Helpers shared by the tests, loaded through pytest_plugins in tests/conftest.py."""
