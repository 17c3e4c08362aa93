"""The film page in Debian's headless Chromium: JSON-LD read back through the DOM, tables, no script runs."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from filmgraph.cli import cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HOSTILE_TITLE = "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        reason = "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
        if os.environ.get("FILMGRAPH_REQUIRE_BROWSER"):
            pytest.fail(reason)  # CI sets this: there the browser tests always run
        pytest.skip(reason)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1100,2400",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='filmgraph-chromium-')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _open(browser, page: Path) -> None:
    browser.get_log("browser")  # forget what earlier pages logged
    browser.get(page.resolve().as_uri())


def _no_dialog_and_no_errors(browser) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_sample_page_in_chromium(browser, sample_path: Path, tmp_path: Path) -> None:
    assert CliRunner().invoke(cli, ["embed", str(sample_path), "-o", str(tmp_path)]).exit_code == 0
    _open(browser, tmp_path / "second-victims.html")
    movie = browser.execute_script(
        "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert movie["@type"] == "Movie" and movie["name"] == "Second Victims"
    assert movie["director"]["name"] == "Zinnini Elkington"
    assert len(movie["actor"]) == 7
    cast = browser.execute_script(
        "return [...document.querySelectorAll('table.cast tbody tr')].map(r => [...r.cells].map(c => c.textContent))")
    assert len(cast) == 7 and ["Özlem Sağlanmak", "Alexandra"] in cast
    won = browser.execute_script("return [...document.querySelectorAll('table.accolades tr.won td')]"
                                 ".map(c => c.textContent)")
    assert won == ["Robert Awards", "2026-01-31", "Best Danish Film", "", "won"]
    assert browser.execute_script("return document.querySelectorAll('svg text').length") > 30
    _no_dialog_and_no_errors(browser)
    shot = tmp_path / "second-victims.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_hostile_page_runs_no_script(browser, tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(f"= {HOSTILE_TITLE} =\nInfobox\n- Director: Ann Berg\n\n==Cast==\n"
                       "- Ann \"Quotes\" O'Berg as <Tags> & Co\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["embed", str(article), "-o", str(tmp_path)]).exit_code == 0
    (page,) = tmp_path.glob("*.html")
    _open(browser, page)
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.querySelector('h1').textContent") == HOSTILE_TITLE
    movie = json.loads(browser.execute_script(
        "return document.querySelector('script[type=\"application/ld+json\"]').textContent"))
    assert movie["name"] == HOSTILE_TITLE
    assert movie["actor"][0]["actor"]["name"] == 'Ann "Quotes" O\'Berg'
    assert movie["actor"][0]["characterName"] == "<Tags> & Co"
    cast = browser.execute_script(
        "return [...document.querySelectorAll('table.cast tbody td')].map(c => c.textContent)")
    assert cast == ['Ann "Quotes" O\'Berg', "<Tags> & Co"]
    _no_dialog_and_no_errors(browser)
