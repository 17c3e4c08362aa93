"""The second hostile-input campaign's tests: a package, so that its conftest and helpers never shadow
tests/conftest.py."""
