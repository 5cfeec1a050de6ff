"""The window's docks and central views."""
