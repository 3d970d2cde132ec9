"""Strikes told in the passive voice, the weapon as the subject (issue 20, tenth round: recall).

Wire copy and ministry statements often make the weapon the subject and leave the attacker to the
clause around it: "such missiles were also launched at the city of X", "a hypersonic missile was
also reportedly used to target Y", "dozens of drones were launched at Z overnight". The active
triggers ("launched missiles at", "missiles struck") read the verb after its object or the weapon
before a verb of impact, so the passive form reported nothing. The weapon names the sub-type:
drones an air/drone strike, missiles, rockets and shells a shelling/artillery/missile attack.
"""

from __future__ import annotations

from geo.events.trigger_rule import _DRONE, Rule

# "were launched at", "was also reportedly used to target", "had been fired toward"
_PASSIVE_AT = (r"(?:\S+ ){0,2}?(?:was|were|had been|have been|has been) "
               r"(?:(?:also|then|later|reportedly|\w+ly) ){0,3}?(?:launched|fired|sent|directed|aimed|used) "
               r"(?:(?:at|toward|towards|against|on|into)\b|to (?:target|attack|strike|hit)\b)")

PASSIVE_RULES: tuple[Rule, ...] = (
    Rule("drones_launched_at", "Air/drone strike", rf"\b{_DRONE} {_PASSIVE_AT}",
         1, "'dozens of drones were launched at X overnight': drones told as launched at a place, in the passive "
            "voice, are a drone strike there"),
    Rule("missiles_launched_at", "Shelling/artillery/missile attack",
         rf"\b(?:missiles?|rockets?|projectiles?|shells|iskanders?|kalibrs?|kinzhals?|oreshniks?) {_PASSIVE_AT}",
         1, "'such missiles were also launched at the city of X', 'a missile was reportedly used to target Y': "
            "missiles told as launched at a place, in the passive voice, are a missile attack there"),
)
