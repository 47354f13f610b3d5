"""The test suite's fixtures live in tests/support/, one module per idea; these plugins load them
for every folder (unit: no browser; pages: the replica in the test's own browser; e2e: the real
`assist` command in a subprocess)."""

pytest_plugins = [
    "tests.support.fixtures",
    "tests.support.cli_inprocess",
    "tests.support.inprocess_fill",
    "tests.support.memory_keyring",
    "tests.support.terminal",
]
