"""The digest: the small wins of a week or a month taken to where people already are — an
email, a Slack channel, a Teams channel (docs/digests.md).

It composes the figures (``metrics``), the privacy of each audience (``privacy``) and the report
layer's period figures, so it sits just above ``reports`` and below ``ui``. Modules:

- ``setup``: the ``[[digests]]`` tables of smallwins.toml as typed specs, checked;
- ``period``: which week or month is due (the last complete one before a day);
- ``content``: what a digest says, for its audience, period and collaborations;
- ``render``: the email (text, HTML, inline chart), Slack's blocks and Teams' card;
- ``channels``: sending, with the retry policy; ``sent_log``: what went where, once;
- ``run``: one run of ``smallwins digest``.
"""
