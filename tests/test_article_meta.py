"""Articles as an analyst files them: title, date and outlet from HTML metadata or the text."""

from __future__ import annotations

from geo.text.article_meta import domain, strip_site, text_date, text_title
from geo.text.ingest import read
from geo.text.formats import find_date

PAGE = """<!DOCTYPE html><html><head>
<title>Troops enter Kherson | Kyiv Daily Wire</title>
<meta property="og:title" content="Ukrainian troops enter Kherson">
<meta property="og:site_name" content="Kyiv Daily Wire">
<meta property="article:published_time" content="2022-11-11T09:00:00+02:00">
</head><body><article><h1>Troops enter Kherson</h1>
<p>Fighting in September: how the front moved</p>
<p>Ukrainian troops entered Kherson on Friday.</p></article></body></html>"""


def test_html_og_title_site_name_and_published_time():
    doc = read(PAGE.encode(), "saved-page-17.html")
    assert (doc.title, doc.source, doc.date) == ("Ukrainian troops enter Kherson", "Kyiv Daily Wire", "2022-11-11")


def test_html_title_loses_the_outlet_suffix():
    page = PAGE.replace('<meta property="og:title" content="Ukrainian troops enter Kherson">', "")
    assert read(page.encode(), "p.html").title == "Troops enter Kherson"
    assert strip_site("Kyiv Daily Wire - Dam breach floods Kherson", "Kyiv Daily Wire") == "Dam breach floods Kherson"
    assert strip_site("Kherson: the dam breach", "Kyiv Daily Wire") == "Kherson: the dam breach"


def test_json_ld_publisher_and_date_and_canonical_domain():
    page = ("<html><head><title>Dam breach</title>"
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            ' "headline": "The Kakhovka dam is breached", "datePublished": "2023-06-06T07:10:00Z",'
            ' "publisher": {"@type": "Organization", "name": "Dnipro Evening Post"}}</script>'
            "</head><body><p>Water flooded the left bank.</p></body></html>")
    doc = read(page.encode(), "x.html")
    assert (doc.title, doc.date, doc.source) == ("The Kakhovka dam is breached", "2023-06-06", "Dnipro Evening Post")
    page = ('<html><head><link rel="canonical" href="https://www.example-news.org/2023/dam">'
            "<title>Dam</title></head><body><p>Water.</p></body></html>")
    assert read(page.encode(), "x.html").source == "example-news.org"
    assert domain("https://www.kyivindependent.com/a/b") == "kyivindependent.com"


def test_txt_title_is_a_short_first_line_never_a_cut_sentence():
    assert read(b"Shelling in Orikhiv\n\nRussian forces shelled Orikhiv.", "n.txt").title == "Shelling in Orikhiv"
    long_first = ("The Russian occupiers only pretend to leave the city, but they are in fact bringing "
                  "in new units and preparing the streets for defence, the intelligence chief said today.")
    doc = read(long_first.encode(), "story.txt")
    assert doc.title == "" and doc.source == "story.txt"  # the library shows the file name
    assert text_title("   \n\nA title\nbody") == "A title"


def test_text_date_skips_headings_that_name_another_period():
    text = ("Battles of 30 September 2022\n\n"
            "KYIV, October 4, 2022 (Reuters) - Ukrainian forces advanced along the Dnipro.")
    assert text_date(text, find_date) == "2022-10-04"
    assert read(text.encode(), "r.txt").source == "Reuters"
    text = ("A look back at 24 February 2022\n\nOn 3 March 2023, Russian forces shelled Kherson again.")
    assert text_date(text, find_date) == "2023-03-03"
    assert text_date("Published 5 March 2023\nBody text.", find_date) == "2023-03-05"
    assert text_date("No date anywhere.", find_date) is None


def test_a_markdown_pages_front_matter_gives_its_title_and_date():
    from geo.text.ingest import read

    text = ("---\nlayout: post\ntitle: \"Strikes on Odesa overnight\"\ndate: 2025-05-01T03:46:26\n"
            "excerpt: \"Two killed.\"\n---\n\nRussian drones struck Odesa overnight, the governor said.\n")
    doc = read(text.encode("utf-8"), "page.txt")
    assert (doc.title, doc.date) == ("Strikes on Odesa overnight", "2025-05-01")


def test_a_stamp_below_the_byline_beats_a_photo_captions_date():
    from geo.text.article_meta import text_date
    from geo.events.dates import find_date
    from geo.rules import switched_off

    page = ("Ukraine holds the line as winter ends\n"
            "Listen to this article\n"
            "People lay flowers in Lviv, Ukraine March 2, 2025 [Name Surname/Reuters]\n"
            "By\nJane Doe\n"
            "Published On 5 Mar 2025\n"
            "Russian forces shelled Kherson on Tuesday, officials said.\n")

    def day(t):
        found = find_date(t, None)
        return found[1] if found else None

    assert text_date(page, day) == "2025-03-05"
    with switched_off(frozenset({"stamp_below_the_byline", "stamp_in_the_page_head"})):  # either reads it
        assert text_date(page, day) != "2025-03-05"
