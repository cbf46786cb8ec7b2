def test_sample_site_builds_strict(public_site):
    assert "events:" in public_site.output
    assert (public_site.site / "index.html").exists()
