"""Places: the offline gazetteer and the coordinates it proposes for events. No Qt."""
