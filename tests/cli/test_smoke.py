def test_version(cli):
    from gridctl import __version__

    result = cli("--version")
    assert result.stdout == f"gridctl {__version__}\n"


def test_park_fixture_builds(park, sql):
    assert sql("SELECT count(*) FROM enterprise") == [(4,)]
    assert sql("PRAGMA integrity_check") == [("ok",)]
