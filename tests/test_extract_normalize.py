from clustergraph.extract.normalize import normalize, unwrap


def test_pdf_style_wrapping_with_blank_lines_is_undone():
    raw = ("Pressemitteilung\n\nAlpha wird Mitglied\n\n\n\nDie Bewerbung des Clusters um die Aufnahme in das Programm war \n\n"
           "erfolgreich. Im Juni 2014 wurde der Cluster in die Riege der vernetzten nationalen Clusters \n\n"
           "aufgenommen. Der Verein sitzt in Dresden und wächst seit vielen Jahren beständig weiter \n\n"
           "und gewinnt neue Mitglieder.\n\n\n\nNeuer Absatz.\n")
    text = unwrap(raw)
    assert text.split("\n\n") == [
        "Pressemitteilung\nAlpha wird Mitglied",
        "Die Bewerbung des Clusters um die Aufnahme in das Programm war erfolgreich. Im Juni 2014 wurde der Cluster "
        "in die Riege der vernetzten nationalen Clusters aufgenommen. Der Verein sitzt in Dresden und wächst seit "
        "vielen Jahren beständig weiter und gewinnt neue Mitglieder.",
        "Neuer Absatz.",
    ]


def test_hyphenation_undone_real_hyphens_kept():
    assert unwrap("Die Weiter-\nentwicklung des Life-Sciences-\nClusters und der Luft-\nund Raumfahrt.") == \
        "Die Weiterentwicklung des Life-Sciences-Clusters und der Luft- und Raumfahrt."


def test_page_furniture_dropped():
    raw = ("Alpha Netzwerk Pressemitteilung\nDer Cluster Alpha hat heute einen neuen Geschäftsführer bekommen, der\n"
           "Seite 1 von 2\n\fAlpha Netzwerk Pressemitteilung\nab sofort die Geschäfte führt.\n- 2 -\n")
    text = unwrap(raw)
    assert "Seite" not in text and "- 2 -" not in text
    assert text.count("Alpha Netzwerk Pressemitteilung") == 1
    assert "bekommen, der ab sofort die Geschäfte führt." in text


def test_markdown_markup_removed():
    raw = "# Alpha joins\n\nThe **Alpha** cluster [joined](http://x) the\nprogramme.\n\n- Gold: Beta\n- Silver: Gamma\n"
    assert normalize(raw, "text/markdown").text == (
        "Alpha joins\n\nThe Alpha cluster joined the programme.\n\nGold: Beta\nSilver: Gamma")


def test_html_chrome_dropped_and_entities_decoded():
    html = ("<html><head><title>T | Site</title><script>var x;</script></head><body>"
            "<div class='cookie-banner'><p>We use cookies</p></div><header><nav>Home</nav></header>"
            "<main><article><h1>Alpha &amp; Beta team up</h1><p>Posted on <time datetime='2023-03-02'>March 2</time></p>"
            "<p>Alpha&nbsp;and Beta signed a cooperation agreement today, the two networks said in a joint statement.</p>"
            "<p>They will share offices and run common events for their members from next year onwards.</p></article>"
            "<aside>Webinar: Gold label</aside></main><footer>© Alpha e.V.</footer></body></html>")
    result = normalize(html, "text/html")
    assert result.text.startswith("Alpha & Beta team up\n\n")
    assert "cookies" not in result.text and "Webinar" not in result.text and "Home" not in result.text
    assert "©" not in result.text and "var x" not in result.text
    assert "Alpha and Beta signed" in result.text
    assert result.hints["issued"] == "2023-03-02" and result.hints["title"] == "Alpha & Beta team up"
