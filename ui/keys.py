"""Every session-state key the dashboard uses, with what it holds.

One place for them, because a key is shared state: a widget, a callback, a fragment and the URL
(ui/url.py) may all read the same one. Widget keys hold the widget's value; the others are set by
callbacks or by the page itself. The string values are stable: tests and saved links use them.
"""

from __future__ import annotations

# -- the library --------------------------------------------------------------------------
LIBRARY = "library"  # the Library this session sees (tests and callbacks reach it here)
SEED_ERROR = "seed_error"  # why the sample article could not be loaded, shown once at the top
UPLOADS = "uploads"  # file_uploader: the files in the upload box
UPLOADS_SEEN = "uploads_seen"  # upload file_id -> LoadResult, so a file is parsed once per session
PASTED = "pasted"  # {"last": LoadResult} of the last pasted text, shown (and stored again if that failed) until the next

# -- filters (sidebar widgets; mirrored in the URL) -----------------------------------------
COUNTRY = "f_country"  # multiselect: ISO alpha-2 codes
REGION = "f_region"  # multiselect: admin-1 names ("Donetsk Oblast")
FEATURE = "f_feature"  # multiselect: Place.feature values ("city", "river")
DOC = "f_doc"  # multiselect: article ids
SOURCE = "f_source"  # multiselect: article sources (outlet or file name)
EVENT_TYPE = "f_event_type"  # multiselect: ACLED event types ("Battles")
SUB_TYPE = "f_sub_type"  # multiselect: ACLED sub-event types ("Air/drone strike")
ACTOR = "f_actor"  # multiselect: actors ("Russian forces")
DATES = "f_dates"  # date_input: (from, to) range; one date while the user is still choosing
TIME = "f_time"  # toggle: the time slider is shown
DAY = "f_day"  # slider: the day the time slider stands on
DAY_MODE = "f_day_mode"  # radio: "upto" (everything up to the day) or "on" (that day only)
IN_VIEW = "f_view"  # toggle: the table and downloads keep only what is in the map's view
IN_SHAPE = "f_shape"  # toggle: keep only what lies in the drawn shape
DEMONYMS = "f_demonyms"  # toggle (places view): keep nationality words as mentions of their country
VIEW_MODE = "f_mode"  # radio: "events" (reported events) or "places" (every place mentioned)

# -- time slider playback ------------------------------------------------------------------
PLAYING = "playing"  # bool: ▶ Play is on; the player fragment steps the day while it is
PLAY_BUTTON = "play"  # button: ▶ Play / ⏸ Pause
PLAY_SKIPPED = "play_skipped"  # (days, from, to): the empty days the last step of ▶ Play jumped over

# -- the map and the panel (the map fragment) -----------------------------------------------
PLACE_PICK = "place_pick"  # selectbox: id of the place shown in the panel (None: none)
EVENT_PICK = "event_pick"  # key of the event shown in the panel: "<doc id>:<sentence>:<n>"
FLY_TO = "fly_to"  # [lat, lon] the map pans to on its next draw (set when a place is chosen in the list)
LAST_CLICK = "last_click"  # the map's last reported click, so one click is handled once
LAST_DRAWINGS = "last_drawings"  # the map's last reported drawings ("no news" vs "deleted")
SHAPE = "shape"  # GeoJSON FeatureCollection drawn on the map, or None
SHAPE_DRAWN = "shape_drawn"  # a shape was just drawn: turn the shape filter on at the next run
MAP_VIEW = "map_view"  # {"lat", "lon", "zoom"}: the map's view as last reported (for the URL)
MAP_BOUNDS = "map_bounds"  # Leaflet bounds as last reported (for "only what is in the view")
PANEL_CONTEXT = "panel_context"  # toggle: show the sentence before and after
CLEAR_SHAPE = "clear_shape"  # button: forget the drawn shape
FRAME_ALL = "frame_all"  # an article was just added: the next map frames the markers, not the last view
MAP_BUILT = "map_built"  # (content digest, opening view): a map rebuilt for new content opens where the last one was
FEED_FROM_MAP = "feed_from_map"  # the pick came from a marker: the feed scrolls to it
PAGE_RERUN = "page_rerun"  # a widget inside the map's fragment changed the filters: run the whole page

# -- the map at scale (ui/map_at_scale.py: a library past GEO_MAP_SQL_ABOVE events) ------------
SCALE_MAP = "events_map_sql"  # st_folium's key there: its last report (bounds, zoom, clicks)
SCALE_BASE = "map_base"  # (drawn shape as JSON, (lat, lon, zoom)): what the mounted base map was built with
SCALE_TABLE_PAGE = "events_table_page"  # number_input: the page of the events table
SCALE_FLY_TRIES = "fly_tries_sql"  # runs that have asked the map for FLY_TO's view
SCALE_HELD = "map_sql_held"  # bool: the feed, timeline and table wait for the map's first report (a browser's first run)
SCALE_OPENED = "map_sql_opened"  # bool: the map has reported its first view in this session

# -- the timeline under the map ----------------------------------------------------------------
TIMELINE = "timeline"  # altair chart: events per day; a click or a drag sets DATES
TIMELINE_ALL = "timeline_all"  # button: back to every date

PIN_BY_CLICK = "corr_pin_click"  # toggle (correction panel): a click on the map sets the pin's coordinates
PIN_FROM_CLICK = "corr_pin_from_click"  # the pin's coordinates came from a click on the map
LAST_MAP_CLICK = "last_map_click"  # the map's last reported click on its background ({"lat", "lng"})

# -- the URL --------------------------------------------------------------------------------
URL_READ = "url_read"  # the URL's view was applied to this session (done once, on its first run)

# -- downloads ------------------------------------------------------------------------------
DL_GEOJSON, DL_CSV, DL_KML = "dl_geojson", "dl_csv", "dl_kml"  # download buttons

# -- other pages ----------------------------------------------------------------------------
SEARCH_NAME = "search_name"  # Search the articles: text_input, the gazetteer name looked up
SEARCH_PICK = "search_pick"  # Search the articles: id of the candidate chosen on its map
SEARCH_LAST_CLICK = "search_last_click"  # Search the articles: the map's last reported click
SEARCH_TEXT = "search_text"  # Search the articles: text_input, words looked up in the stored articles
ARTICLES_PAGE = "articles_page"  # Articles: number_input, the page of cards shown
DATE_ERROR = "date_error"  # Articles: why the last date change was refused, shown once

# -- your own layers (ui/overlays.py) --------------------------------------------------------
OVERLAY_ON = "overlay_on_"  # + layer id: checkbox, the layer is drawn on the map
OVERLAYS_HIDDEN = "overlays_hidden"  # set of layer ids switched off, kept while their checkboxes are not drawn
OVERLAY_ADDING = "overlay_adding"  # bool: the "add a layer" form is open (its file box only then)
OVERLAY_UPLOAD = "overlay_upload"  # file_uploader (in a form): a KML, KMZ, GeoJSON or GeoPackage file
OVERLAY_NAME = "overlay_name"  # text_input (in the form): the layer's name, default the file's own
OVERLAY_DATE = "overlay_date"  # date_input (in the form): the date the map shows
OVERLAY_SAID = "overlay_said"  # (kind, message) about the last layer added or refused, shown once
