"""The Keras worker process: its service loop and the devices it reports."""
