"""Sidebar filters of the map page. Choices come from every loaded event, so none vanish while filtering."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from geo.filters import EventFilter, facets
from geo.types import Event


@dataclass
class FilterChoice:
    attributes: EventFilter  # country, region, feature, article: applies to map and table
    in_view: bool  # table and downloads only: filtering the map by its own view would chase itself
    in_shape: bool


def _options(counter) -> list[str]:
    return sorted(counter, key=lambda k: (-counter[k], k))


def clear_shape() -> None:
    st.session_state["shape"] = None
    st.session_state["f_shape"] = False


def filter_sidebar(events: list[Event], titles: dict[str, str], has_shape: bool) -> FilterChoice:
    counts = facets(events)
    with st.sidebar:
        st.header("Filters")
        countries = st.multiselect(
            "Country", _options(counts["country"]), key="f_country",
            format_func=lambda c: f"{c} ({counts['country'][c]})")
        regions = st.multiselect(
            "Region (admin-1)", _options(counts["region"]), key="f_region",
            format_func=lambda r: f"{r} ({counts['region'][r]})", placeholder="e.g. Donetsk Oblast")
        features = st.multiselect(
            "Feature type", _options(counts["feature"]), key="f_feature",
            format_func=lambda f: f"{f.replace('_', ' ')} ({counts['feature'][f]})")
        docs = st.multiselect(
            "Article", [d for d in titles if d in counts["doc"]], key="f_doc",
            format_func=lambda d: titles.get(d, d))
        st.divider()
        in_view = st.toggle("Only what is in the map view", key="f_view",
                            help="Narrows the table and downloads to the part of the map you are looking at.")
        in_shape = st.toggle("Only inside the drawn shape", key="f_shape", disabled=not has_shape,
                             help="Draw a rectangle or polygon with the tools at the map's top left.")
        if has_shape:
            st.button("Clear drawn shape", key="clear_shape", on_click=clear_shape)
    return FilterChoice(
        EventFilter(countries=tuple(countries), regions=tuple(regions), features=tuple(features), doc_ids=tuple(docs)),
        in_view=in_view, in_shape=in_shape and has_shape,
    )
