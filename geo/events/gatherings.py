"""Gatherings a reader codes as protests though no protest word tells them (issue 20, eighth round:
recall): a crowd that marches for a cause, people detained at a memorial or a vigil. Each kind is a
named rule with its reason, appended to the trigger rules (geo.events.triggers)."""

from __future__ import annotations

from geo.events.trigger_rule import Rule

# Who marches in a protest: a crowd or a people, not troops ("troops marched into the town" is a
# withdrawal's or a capture's word).
_CROWD = (r"(?:thousands|hundreds|dozens|crowds?|people|residents|citizens|protesters|demonstrators|activists|students|"
          r"women|mothers|wives|families|relatives|veterans|workers|ukrainians|russians|georgians|belarusians)")
# What a march is for: a cause, a demand, a show of support or of unity.
_CAUSE = (r"(?:to (?:show|demand|protest|support|call for|mark|commemorate|honou?r|express|denounce|condemn)|"
          r"in (?:support|solidarity|protest|memory)|against\b|demanding|calling for|chanting)")
# Where a gathering is held that police break up: a memorial, a vigil, a march.
_GATHERING = (r"(?:memorials?|vigils?|gatherings?|marches|commemorations?|flower-laying|mourning|funerals?|rall(?:y|ies)|"
              r"demonstrations?|protests?|pickets?)")

GATHERING_RULES: tuple[Rule, ...] = (
    Rule("crowd_marched", "Peaceful protest",
         rf"\b{_CROWD}\b (?:\S+ ){{0,6}}?(?-i:march(?:ed|es|ing)?) (?:\S+ ){{0,10}}?{_CAUSE}",
         0, "'thousands braved the cold to march across the capital on Saturday to show unity', 'hundreds marched "
            "through the city demanding the release of prisoners': a crowd marching for a cause is a peaceful "
            "protest, as 'protested' is"),
    Rule("detained_at_a_gathering", "Protest with intervention",
         rf"\b(?:detained|arrested|dispersed|rounded up|detaining|arresting)\b (?:\S+ ){{0,6}}?(?:at|during|near|from) "
         rf"(?:\S+ ){{0,3}}?{_GATHERING}\b",
         0, "'police detained more than 100 people at spontaneous memorials for the activist': people detained at a "
            "memorial, a vigil or a march were gathered for a cause, and police broke it up: a protest with "
            "intervention, not an arrest"),
)
