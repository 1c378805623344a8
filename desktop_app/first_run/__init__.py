"""First run: the welcome page the main window shows while no project is open."""
