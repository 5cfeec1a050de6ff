"""Dialogs: the weights report and the code view."""
