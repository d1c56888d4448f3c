"""Reader pages are cached under the content version, revalidate with 304, are
compressed, and show a change on the very next request, however the data was written."""

import gzip

import brotli
import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import text_of
from timeline import versions
from timeline.collection import collection_import
from timeline.models import Clause, Revision

FAMILY = "arab-european-draft-2012"
REVISION = f"/r/{FAMILY}/s-2012-77/"
READER_PAGES = [
    "/",
    "/?country=FR",
    f"/r/{FAMILY}/",
    REVISION,
    f"/r/{FAMILY}/compare/v3-1-feb-19-00...s-2012-77/",
    f"/c/{FAMILY}/pp-sovereignty-peaceful-resolution/",
    "/countries/",
    "/countries/fr/",
    "/search/?q=violence",
    "/about/",
    "/glossary/",
]


@pytest.mark.parametrize("url", READER_PAGES)
def test_a_second_request_with_the_etag_or_the_date_gets_304(story, client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"'), "a strong validator (a weak one starts W/)"
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304


@pytest.mark.parametrize("url", READER_PAGES)
def test_pages_are_the_same_bytes_each_time_with_no_per_request_nonce(story, client, url):
    first, second = client.get(url), client.get(url)
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert b"nonce" not in first.content
    assert "nonce-" not in first["Content-Security-Policy"]


@pytest.mark.parametrize("url", READER_PAGES)
def test_html_is_compressed_for_clients_that_accept_it(story, client, url):
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed["Content-Encoding"] == "br"
    assert brotli.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3
    zipped = client.get(url, headers={"Accept-Encoding": "br;q=0.5, gzip;q=0.8"})
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert len({plain["ETag"], packed["ETag"], zipped["ETag"]}) == 3, "one per encoding"
    for response in (plain, packed, zipped):
        assert "Accept-Encoding" in response["Vary"]
    refused = client.get(url, headers={"Accept-Encoding": "gzip;q=0, br;q=0, identity"})
    assert not refused.has_header("Content-Encoding")
    assert refused.content == plain.content
    again = client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": packed["ETag"]})
    assert again.status_code == 304


def test_a_cached_page_costs_one_query(story, client):
    client.get(REVISION)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REVISION).status_code == 200
    assert len(queries) == 1, [q["sql"] for q in queries.captured_queries]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REVISION, headers={"If-None-Match": "*"}).status_code == 304
    assert len(queries) == 1


def test_the_fragment_and_the_whole_page_are_cached_apart(story, client):
    page = client.get("/")
    fragment = client.get("/", headers={"HX-Request": "true"})
    restored = client.get("/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert b"<html" in page.content
    assert b"<html" not in fragment.content
    assert restored.content == page.content
    assert fragment["ETag"] != page["ETag"] == restored["ETag"]
    assert "HX-Request" in fragment["Vary"]


@pytest.mark.parametrize(
    "write",
    [
        # A bulk update, as imports and publishing make: no model signal fires.
        lambda: Clause.objects.filter(revision__slug="s-2012-77", anchor="op6").update(
            text="Recalling its new first paragraph, written just now,"
        ),
        # Raw SQL, as an operator might run.
        lambda: connection.cursor().execute(
            "UPDATE timeline_clause SET text = %s WHERE id = %s",
            [
                "Recalling its new first paragraph, written just now,",
                Clause.objects.get(revision__slug="s-2012-77", anchor="op6").pk,
            ],
        ),
    ],
    ids=["bulk update", "raw SQL"],
)
def test_a_change_shows_on_the_next_request_and_the_old_etag_no_longer_matches(
    story, client, write
):
    before = client.get(REVISION)
    assert "written just now" not in text_of(before)
    write()
    after = client.get(REVISION, headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert "written just now" in text_of(after)
    assert after["ETag"] != before["ETag"]


def test_unpublishing_a_revision_removes_it_from_the_cached_pages_at_once(story, client):
    assert client.get(REVISION).status_code == 200
    link = f'href="{REVISION}"'.encode()
    assert link in client.get(f"/r/{FAMILY}/").content
    Revision.objects.filter(slug="s-2012-77").update(published=False)
    assert client.get(REVISION).status_code == 404
    assert link not in client.get(f"/r/{FAMILY}/").content


def test_an_editors_history_entry_advances_the_version_the_footer_shows(story, client):
    client.get("/about/")
    before = versions.current()
    revision = Revision.objects.get(slug="s-2012-77")
    LogEntry.objects.log_actions(
        user_id=_an_editor().pk,
        queryset=[revision],
        action_flag=CHANGE,
        change_message="Corrected a date",
        single_object=True,
    )
    assert versions.current().number > before.number
    assert ContentType.objects.get_for_model(Revision).app_label == "timeline"


def _an_editor():
    from django.contrib.auth.models import User

    return User.objects.create_user("an-editor", password="a long enough password 1")


def test_every_table_advances_the_version(db):
    assert versions.tables_without_triggers() == []


def test_an_import_advances_the_version_once_committed(db, collection_data):
    before = versions.current()
    collection_import(data=collection_data)
    after = versions.current()
    assert after.number > before.number
    assert after.token != before.token


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
def test_reader_pages_answer_get_and_head_only(story, client, method):
    response = client.generic(method.upper(), "/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert client.head("/").status_code == 200


def test_readers_may_be_served_by_shared_caches_and_editors_never_stale(story, client):
    public = client.get("/")["Cache-Control"]
    assert "public" in public
    assert "max-age=60" in public
    assert "stale-while-revalidate=" in public
    assert "Cookie" in client.get("/")["Vary"]
    client.cookies["sessionid"] = "an-editors-session"
    assert client.get("/")["Cache-Control"] == "private, no-cache"


def test_an_editor_previews_a_draft_that_readers_were_just_refused(
    story, client, django_user_model
):
    Revision.objects.filter(slug="s-2012-77").update(published=False)
    assert client.get(REVISION).status_code == 404
    editor = django_user_model.objects.create_user(
        "editor", password="a long enough password 1", is_staff=True
    )
    client.force_login(editor)
    preview = client.get(REVISION)
    assert preview.status_code == 200
    assert "Draft preview." in text_of(preview)
    assert preview["Cache-Control"] == "private, no-cache"
    assert "Cookie" in preview["Vary"]
    client.logout()
    assert client.get(REVISION).status_code == 404


def test_every_response_carries_the_permissions_and_resource_policies(story, client):
    for url in ("/", "/admin/login/", "/nowhere/"):
        response = client.get(url)
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_preview_images_answer_get_and_head_only(story, client):
    url = f"/preview/r/{FAMILY}/s-2012-77.png"
    assert client.head(url).status_code == 200
    for method in ("POST", "PUT", "DELETE", "OPTIONS", "TRACE"):
        assert client.generic(method, url).status_code == 405


def test_a_new_release_renders_pages_afresh_and_the_old_etag_no_longer_matches(
    story, client, monkeypatch
):
    """Only a write advances the content version; a new release may render the same data
    otherwise (a diff engine that reads Chinese by character), so its pages are its own."""
    from timeline import release

    before = client.get(REVISION)
    monkeypatch.setattr(release, "RELEASE", "another-release")
    after = client.get(REVISION, headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert client.get(REVISION, headers={"If-None-Match": after["ETag"]}).status_code == 304


def test_the_release_is_a_digest_of_what_renders_pages_not_of_the_data(tmp_path):
    from timeline.release import digest

    for name, text in {
        "timeline/views.py": "def view(): ...",
        "templates/base.html": "<main></main>",
        "static/js/compare.js": "// compare",
        "timeline/data/collection.json": "{}",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    first = digest(tmp_path)
    assert digest(tmp_path) == first
    (tmp_path / "timeline/data/collection.json").write_text('{"drafts": []}')
    (tmp_path / "timeline/__pycache__").mkdir()
    (tmp_path / "timeline/__pycache__/views.cpython-313.pyc").write_bytes(b"\0")
    assert digest(tmp_path) == first
    for name in ("templates/base.html", "static/js/compare.js", "timeline/views.py"):
        (tmp_path / name).write_text((tmp_path / name).read_text() + " ")
        assert digest(tmp_path) != first
        first = digest(tmp_path)
