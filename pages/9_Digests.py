"""Digests: what each configured digest says for the last period and this one so far, as the
email shows it, and when each channel last received it (coordinators only)."""

import pandas as pd
import streamlit as st

from dashboard import formatting
from dashboard.access import COORDINATOR
from dashboard.config import ConfigError
from dashboard.digest import sent_log
from dashboard.digest.period import last_complete, so_far
from dashboard.digest.setup import digest_settings
from dashboard.ui import components, data, digests, page

view = page.setup(
    "Digests",
    "The small wins taken to where people are: each digest in smallwins.toml as it goes out "
    "(`smallwins digest`, run daily, sends each once). The period holds the sidebar's end date.",
)
if view.viewer.role != COORDINATOR:
    st.info("The Digests page is for coordinators.")
    st.stop()
try:
    config = digest_settings(data.settings())
except ConfigError as error:
    st.error(f"The digests cannot be read: {components.plain(str(error))}")
    st.stop()
if not config.digests:
    st.info(
        "No digest is configured yet. Add a `[[digests]]` table to smallwins.toml — who gets "
        "it, for which collaborations, every week or month (docs/digests.md)."
    )
    st.stop()
log = sent_log.read()
day = view.filters.end
for spec in config.digests:
    st.subheader(components.plain(spec.name))
    scope = ", ".join(spec.collaborations) or "every collaboration"
    st.caption(
        components.plain(
            f"For the {spec.audience} audience, every {spec.every}, about {scope}."
            + (" Sent even when quiet." if spec.always_sent else " Not sent when quiet.")
        )
    )
    last = sent_log.last_sent(log, spec.name)
    rows = [
        {
            "Channel": channel.label,
            "Last received": (
                f"{last[channel.label].at:%Y-%m-%d %H:%M} UTC" if channel.label in last else "never"
            ),
            "For the period": (
                last[channel.label].period.replace("/", " to ") if channel.label in last else ""
            ),
        }
        for channel in spec.channels
    ]
    components.text_table(pd.DataFrame(rows).set_index("Channel"))
    periods = [last_complete(spec.every, day), so_far(spec.every, day)]
    tabs = st.tabs([f"Last period: {periods[0].label}", f"This period: {periods[1].label}"])
    for tab, period in zip(tabs, periods, strict=True):
        with tab:
            digest, html = digests.preview(view.all_records, spec, period, config.public_url)
            st.caption(
                components.plain(
                    f"Subject: {digest.subject} · {formatting.day(period.start)} – "
                    f"{formatting.day(period.end)}"
                )
            )
            if digest.quiet and not spec.always_sent:
                st.info("Nothing to celebrate in this period: this digest would not be sent.")
            st.html(html)
