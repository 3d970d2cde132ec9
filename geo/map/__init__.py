"""The map: webmap.py and event_layer.py draw places and events, view_layer.py and aggregate.py a
library of any size; basemap.py, vector_basemap.py and layers.py the offline background."""
