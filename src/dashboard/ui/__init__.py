"""Everything that touches Streamlit: page setup, data loading with caching, shared widgets."""
