"""Pictures: season brackets and club journeys, laid out as data, then drawn with Pillow.

A stage of its own, after wording (every word it draws comes from
``bot.wording.pictures``) and before the adapters, which attach the PNGs.
"""
