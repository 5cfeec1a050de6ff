from explorer.cli import main

# The guard matters: the Keras worker process is started with "spawn", which imports the main
# module again under another name.
if __name__ == "__main__":
    raise SystemExit(main())
