"""The administrators' « Tâches en arrière-plan » page, its menu entry and its home panel."""

from wagtail import hooks

from operations import task_admin


@hooks.register("register_admin_urls")
def register_task_urls():
    return task_admin.admin_urls()


@hooks.register("register_settings_menu_item")
def register_tasks_menu_item():
    return task_admin.menu_item()


@hooks.register("construct_homepage_panels")
def add_failed_tasks_panel(request, panels):
    if request.user.has_perm(task_admin.PERMISSION):
        count = task_admin.recent_failures().count()
        if count:
            panels.append(task_admin.FailedTasksPanel(count))
