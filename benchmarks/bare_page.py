"""The bare Streamlit page: the floor any Streamlit app has in the browser (``pages.py``).

One title and one metric tile, nothing read, nothing computed: what a viewer waits for here is
Streamlit itself — its server answering, its JavaScript and CSS, the websocket, one script run and
its two elements drawn. Served by ``streamlit run benchmarks/bare_page.py`` from the repository's
root, so it gets the same ``.streamlit/config.toml`` (theme, settings) as the app.
"""

import streamlit as st

st.title("Bare Streamlit page")
st.metric("Commitments kept", "42", "+3")
