"""The build's input stamp and the untrusted-Markdown renderer."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.site import MARKER
from planner.site.markdown import render_markdown, safe_url
from planner.site.stamp import file_sizes, input_stamp, marker_from_sizes, stamped_marker, up_to_date

from ..conftest import write_tree


def built(root: Path, stamp: str, files: dict[str, str]) -> Path:
    """A folder as a build leaves it: the files and a marker recording `stamp` and their sizes."""
    write_tree(root, files)
    (root / MARKER).write_bytes(stamped_marker(stamp, {p: t.encode() for p, t in files.items()}))
    return root


def inputs(tmp_path: Path) -> tuple[Path, Path]:
    cat = write_tree(tmp_path / "cat", {"act-a.yaml": "id: act-a\n"})
    templates = write_tree(tmp_path / "templates", {"base.html": "<html>"})
    return cat, templates


def test_an_intact_site_of_the_same_inputs_is_up_to_date_with_its_file_count(tmp_path):
    out = built(tmp_path / "out", "abc", {"index.html": "home", "a/b.html": "page"})
    assert up_to_date(out, "abc") == 3


def test_other_inputs_make_the_site_out_of_date(tmp_path):
    out = built(tmp_path / "out", "abc", {"index.html": "home"})
    assert up_to_date(out, "abd") is None


def test_a_file_whose_size_changed_makes_the_site_out_of_date(tmp_path):
    out = built(tmp_path / "out", "abc", {"index.html": "home"})
    (out / "index.html").write_text("home, edited")
    assert up_to_date(out, "abc") is None


def test_an_extra_file_makes_the_site_out_of_date(tmp_path):
    out = built(tmp_path / "out", "abc", {"index.html": "home"})
    (out / "stray.html").write_text("x")
    assert up_to_date(out, "abc") is None


def test_a_missing_file_makes_the_site_out_of_date(tmp_path):
    out = built(tmp_path / "out", "abc", {"index.html": "home", "b.html": "b"})
    (out / "b.html").unlink()
    assert up_to_date(out, "abc") is None


def test_a_folder_without_a_marker_is_not_up_to_date(tmp_path):
    assert up_to_date(tmp_path, "abc") is None


def test_a_marker_that_is_not_ours_is_not_up_to_date(tmp_path):
    (tmp_path / MARKER).write_text("someone else's file\n")
    assert up_to_date(tmp_path, "abc") is None


def test_a_marker_with_a_garbled_size_line_is_not_up_to_date(tmp_path):
    out = built(tmp_path / "out", "abc", {"index.html": "home"})
    (out / MARKER).write_bytes((out / MARKER).read_bytes().replace(b"4 index.html", b"four index.html"))
    assert up_to_date(out, "abc") is None


def test_the_marker_lists_every_other_file_sorted_and_not_itself():
    text = marker_from_sizes("s", {"b": 2, MARKER: 99, "a": 1}).decode()
    assert text.splitlines()[-4:] == ["inputs s", "files 2", "1 a", "2 b"]


def test_file_sizes_walks_sub_folders(tmp_path):
    write_tree(tmp_path, {"a.txt": "12", "d/e/f.txt": "123"})
    assert file_sizes(tmp_path) == {"a.txt": 2, "d/e/f.txt": 3}


def test_the_same_inputs_give_the_same_stamp(tmp_path):
    cat, templates = inputs(tmp_path)
    assert input_stamp(cat, templates, ("lang=nl",)) == input_stamp(cat, templates, ("lang=nl",))


def test_another_option_gives_another_stamp(tmp_path):
    cat, templates = inputs(tmp_path)
    assert input_stamp(cat, templates, ("lang=nl",)) != input_stamp(cat, templates, ("lang=en",))


def test_an_edited_catalogue_file_gives_another_stamp(tmp_path):
    cat, templates = inputs(tmp_path)
    before = input_stamp(cat, templates, ())
    (cat / "act-a.yaml").write_text("id: act-a  # edited\n")
    assert input_stamp(cat, templates, ()) != before


def test_an_edited_template_gives_another_stamp(tmp_path):
    cat, templates = inputs(tmp_path)
    before = input_stamp(cat, templates, ())
    write_tree(templates, {"partials/new.html": "x"})
    assert input_stamp(cat, templates, ()) != before


def test_a_file_that_is_not_catalogue_yaml_does_not_change_the_stamp(tmp_path):
    cat, templates = inputs(tmp_path)
    before = input_stamp(cat, templates, ())
    (cat / "README.md").write_text("notes")
    assert input_stamp(cat, templates, ()) == before


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append(tag)
        self.hrefs += [value for name, value in attrs if name in ("href", "src")]


ALLOWED_TAGS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br"}
MARKUP = st.text(alphabet="ab <>/\"'=:()[]!#*_`\n-jvsrcipt.&;", max_size=80)
PIECES = st.lists(
    st.sampled_from(
        [
            "<script>",
            "<img src=x>",
            "[a](javascript:x)",
            "![i](https://x/i.png)",
            "# H",
            "<b>",
            "[m](mailto:a@b)",
        ]
    )
    | MARKUP,
    max_size=6,
).map("".join)


@settings(deadline=None, max_examples=50, derandomize=True)
@given(PIECES)
def test_rendered_markdown_has_only_harmless_tags_and_safe_links(text):
    parser = Tags()
    parser.feed(render_markdown(text))
    assert set(parser.tags) <= ALLOWED_TAGS
    assert all(href is not None and safe_url(href) == href for href in parser.hrefs)


def test_a_markdown_image_is_not_fetched():
    assert "<img" not in render_markdown("![logo](https://example.org/logo.png)")


def test_a_mailto_link_is_a_link():
    assert '<a href="mailto:a@example.org">' in render_markdown("[mail](mailto:a@example.org)")


def test_a_relative_link_stays_text():
    assert "<a " not in render_markdown("[page](other.html)")


def test_an_anchor_link_is_a_link():
    assert '<a href="#top">' in render_markdown("[top](#top)")


def test_safe_url_refuses_an_empty_or_missing_url():
    assert safe_url("") is None
    assert safe_url(None) is None


def test_safe_url_ignores_the_case_of_the_scheme():
    assert safe_url("HTTPS://EXAMPLE.ORG") == "HTTPS://EXAMPLE.ORG"
