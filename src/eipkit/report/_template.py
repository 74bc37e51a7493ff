"""The HTML template and style sheet of the report (kept in Python so they ship with the package)."""

from __future__ import annotations

# ruff: noqa: E501  (template and style sheet lines)

__all__ = ["CSS", "TEMPLATE"]

CSS = """
html { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt; color: #1f2933; }
body { max-width: 62rem; margin: 0 auto; padding: 0 1.2rem 2rem; line-height: 1.45; }
h1 { font-size: 22pt; margin: 0 0 .3em; color: #12324f; }
h2 { font-size: 15pt; color: #12324f; border-bottom: 2px solid #2f6fa8; padding-bottom: .15em; margin-top: 1.6em; }
h3 { font-size: 11pt; color: #12324f; margin: 1.2em 0 .4em; }
.cover { padding: 2.5rem 0 1.5rem; border-bottom: 1px solid #cbd2d9; }
.cover .subtitle { font-size: 12pt; color: #3e4c59; margin: 0; }
.cover .meta { color: #616e7c; font-size: 9pt; }
.notice { background: #fff4e5; border-left: 4px solid #f28e2b; padding: .5em .8em; font-size: 9pt; }
.toc ol { padding-left: 1.4em; }
.toc a { color: #12324f; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .2em; font-size: 8.2pt; table-layout: fixed; }
table.small { font-size: 6.8pt; }
th { background: #e4ecf4; text-align: left; vertical-align: bottom; padding: .3em .4em; border-bottom: 1px solid #9aa5b1; }
th .unit { display: block; font-weight: normal; color: #52606d; font-size: 7.5pt; }
td { padding: .22em .4em; border-bottom: 1px solid #e4e7eb; vertical-align: top; overflow-wrap: break-word; }
td.num { text-align: right; white-space: nowrap; overflow-wrap: normal; }
th.num { text-align: right; }
tbody tr:nth-child(even) td { background: #f7f9fb; }
caption { caption-side: top; text-align: left; font-weight: bold; color: #12324f; padding: .2em 0; }
.note { font-size: 8pt; color: #52606d; margin: .2em 0 1em; }
figure { margin: 1em 0 1.2em; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #3e4c59; margin-top: .3em; }
figcaption b { color: #12324f; }
details summary { font-size: 8pt; color: #616e7c; cursor: pointer; }
ul.findings li { margin: .2em 0; }
footer { margin-top: 3em; font-size: 8pt; color: #616e7c; border-top: 1px solid #cbd2d9; padding-top: .5em; }
@page {
  size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: string(doctitle); font-size: 7.5pt; color: #616e7c; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #616e7c; }
}
@page :first { @bottom-left { content: none; } }
@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  h1 { string-set: doctitle content(); }
  .cover { padding-top: 60mm; border-bottom: none; }
  .toc { break-before: page; }
  .toc a::after { content: leader('.') target-counter(attr(href), page); }
  section.section { break-before: page; }
  figure { break-inside: avoid; }
  figure img { max-height: 225mm; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="eipkit {{ meta.version }}">
<title>{{ title }}</title>
<style>{{ css | safe }}</style>
</head>
<body>
<header class="cover">
<h1>{{ title }}</h1>
{% if meta.subtitle %}<p class="subtitle">{{ meta.subtitle }}</p>{% endif %}
<p class="meta">{{ words.generated }}</p>
{% if meta.notice %}<p class="notice">{{ meta.notice }}</p>{% endif %}
</header>
<nav class="toc">
<h2>{{ words.contents }}</h2>
<ol>{% for s in sections %}<li><a href="#sec-{{ s.key }}">{{ s.title }}</a></li>{% endfor %}</ol>
</nav>
{% for s in sections %}
<section class="section" id="sec-{{ s.key }}">
<h2>{{ loop.index }}. {{ s.title }}</h2>
{% for b in s.blocks %}
{% if b.type == "p" %}<p>{{ b.text }}</p>
{% elif b.type == "ul" %}<ul class="findings">{% for item in b.points %}<li>{{ item }}</li>{% endfor %}</ul>
{% elif b.type == "table" %}
<table id="tab-{{ b.key }}"{% if b.small %} class="small"{% endif %}>
<caption>{{ words.table }} {{ b.number }}. {{ b.title }}</caption>
<colgroup>{% for w in b.widths %}<col style="width: {{ w }}%">{% endfor %}</colgroup>
<thead><tr>{% for h in b.headers %}<th{% if h.numeric %} class="num"{% endif %}>{{ h.label }}{% if h.unit %}<span class="unit">[{{ h.unit }}]</span>{% endif %}</th>{% endfor %}</tr></thead>
<tbody>{% for row in b.rows %}<tr>{% for cell, h in zip(row, b.headers) %}<td{% if h.numeric %} class="num"{% endif %}>{{ cell }}</td>{% endfor %}</tr>{% endfor %}</tbody>
</table>
{% if b.note %}<p class="note">{{ b.note }}</p>{% endif %}
{% elif b.type == "figure" %}
<figure id="fig-{{ b.key }}">
{% if b.plotly %}{{ b.plotly | safe }}
<details><summary>{{ words.static }}</summary><img src="{{ b.img }}" alt="{{ b.title }}"></details>
{% else %}<img src="{{ b.img }}" alt="{{ b.title }}">{% endif %}
<figcaption><b>{{ words.figure }} {{ b.number }}. {{ b.title }}</b>{% if b.caption %} {{ b.caption }}{% endif %}</figcaption>
</figure>
{% endif %}
{% endfor %}
</section>
{% endfor %}
<footer>{{ words.footer }}</footer>
</body>
</html>
"""
