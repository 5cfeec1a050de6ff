"""Menu and toolbar actions: files, designs, menus, About."""
