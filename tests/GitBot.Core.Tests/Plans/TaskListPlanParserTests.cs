using GitBot.Core.Plans;

namespace GitBot.Core.Tests.Plans;

public sealed class TaskListPlanParserTests
{
    private static readonly string[] Roles = ["coder", "backend", "frontend", "docs"];

    private static IReadOnlyList<PlannedTask> ParseOk(string body)
    {
        var tasks = TaskListPlanParser.Parse(body, "coder", Roles);
        Assert.NotNull(tasks);
        return tasks;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("Just a description.\n\n- a plain bullet\n- another")]
    [InlineData("1. numbered\n2. list")]
    [InlineData("```\n- [ ] inside a fence\n```")]
    [InlineData("~~~md\n- [ ] inside a tilde fence\n~~~")]
    [InlineData("-[ ] no space after the marker")]
    [InlineData("- [] empty box")]
    public void Bodies_without_a_task_list_give_null(string? body)
    {
        Assert.Null(TaskListPlanParser.Parse(body, "coder", Roles));
    }

    [Theory]
    [InlineData("- [ ] Add API", "Add API")]
    [InlineData("* [ ] Add API", "Add API")]
    [InlineData("+ [ ] Add API", "Add API")]
    [InlineData("   - [ ] Add API   ", "Add API")]
    [InlineData("\t- [ ] Add API", "Add API")]
    [InlineData("- [ ]   Add   API", "Add API")]
    public void Task_list_markers_are_recognised(string body, string title)
    {
        var task = Assert.Single(ParseOk(body));
        Assert.Equal("1", task.Id);
        Assert.Equal(title, task.Title);
        Assert.Equal("coder", task.Role);
        Assert.Equal(title, task.Instructions);
        Assert.Empty(task.DependsOn);
        Assert.Empty(task.Files);
    }

    [Fact]
    public void Checked_items_are_skipped_and_ids_count_the_unchecked_ones()
    {
        var tasks = ParseOk("- [x] Done already\n- [ ] First\n- [X] Also done\n- [ ] Second");

        Assert.Equal(["1", "2"], tasks.Select(t => t.Id));
        Assert.Equal(["First", "Second"], tasks.Select(t => t.Title));
    }

    [Fact]
    public void A_list_with_every_item_checked_gives_no_tasks_rather_than_null()
    {
        Assert.Empty(ParseOk("- [x] Done\n- [x] Done too"));
    }

    [Theory]
    [InlineData("- [ ] Add API (backend)", "Add API", "backend")]
    [InlineData("- [ ] Add API (role: backend)", "Add API", "backend")]
    [InlineData("- [ ] Add API (Role:backend)", "Add API", "backend")]
    [InlineData("- [ ] Add API (BACKEND)", "Add API", "backend")]
    [InlineData("- [ ] (frontend) Build the page", "Build the page", "frontend")]
    [InlineData("- [ ] Write docs (optional)", "Write docs (optional)", "coder")]
    [InlineData("- [ ] Write docs (role: designer)", "Write docs", "designer")]
    [InlineData("- [ ] Write docs (designer)", "Write docs (designer)", "coder")]
    public void Role_annotations(string body, string title, string role)
    {
        var task = Assert.Single(ParseOk(body));
        Assert.Equal(title, task.Title);
        Assert.Equal(role, task.Role);
    }

    [Theory]
    [InlineData("- [ ] Docs (after 1, 2)", "1,2")]
    [InlineData("- [ ] Docs (after 1 and 2)", "1,2")]
    [InlineData("- [ ] Docs (after tasks 1, 2 and 3)", "1,2,3")]
    [InlineData("- [ ] Docs (depends on 1)", "1")]
    [InlineData("- [ ] Docs (Depends on: #1, #2)", "1,2")]
    [InlineData("- [ ] Docs (after 9)", "9")]
    [InlineData("- [ ] Docs (after 1) (after 1, 2)", "1,2")]
    [InlineData("- [ ] Docs (after lunch)", "")]
    public void Dependency_annotations_keep_ids_as_written(string body, string dependsOn)
    {
        var task = Assert.Single(ParseOk(body));
        Assert.Equal(dependsOn, string.Join(",", task.DependsOn));
        Assert.Equal(dependsOn.Length == 0 ? "Docs (after lunch)" : "Docs", task.Title);
    }

    [Fact]
    public void Files_and_combined_annotations()
    {
        var task = Assert.Single(ParseOk("- [ ] Add API (backend; after 2) (files: src/a.cs, docs/*.md, `b.txt`) now"));

        Assert.Equal("Add API now", task.Title);
        Assert.Equal("backend", task.Role);
        Assert.Equal(["2"], task.DependsOn);
        Assert.Equal(["src/a.cs", "docs/*.md", "b.txt"], task.Files);
    }

    [Fact]
    public void Continuation_lines_join_the_instructions_and_other_items_do_not()
    {
        const string body = """
            Intro paragraph.

            - [ ] Add API (backend)
              Use the existing router.
              - plain bullets under it are instructions

              ```cs
              - [ ] not a task: inside the item's code block
              ```
            - [ ] Build page
                - [ ] Nested task is its own task
                  with its own line
            Not indented: ends the item.
            - [ ] Last
            """;

        var tasks = ParseOk(body);

        Assert.Equal(["Add API", "Build page", "Nested task is its own task", "Last"], tasks.Select(t => t.Title));
        Assert.Equal(
            "Add API\nUse the existing router.\n- plain bullets under it are instructions\n\n```cs\n- [ ] not a task: inside the item's code block\n```",
            tasks[0].Instructions);
        Assert.Equal("Build page", tasks[1].Instructions);
        Assert.Equal("Nested task is its own task\nwith its own line", tasks[2].Instructions);
        Assert.Equal("Last", tasks[3].Instructions);
    }

    [Fact]
    public void Task_lists_in_fenced_code_blocks_are_ignored_but_others_are_read()
    {
        const string body = "Example:\n\n````md\n- [ ] shown as an example\n```\n- [ ] still inside the longer fence\n````\n\r\n- [ ] Real task\r\n";

        var task = Assert.Single(ParseOk(body));

        Assert.Equal("Real task", task.Title);
    }

    [Fact]
    public void Blank_lines_between_items_do_not_join_them()
    {
        var tasks = ParseOk("- [ ] One\n\n\n- [ ] Two (after 1)\n\nTrailing paragraph.");

        Assert.Equal(["One", "Two"], tasks.Select(t => t.Instructions));
        Assert.Equal(["1"], tasks[1].DependsOn);
    }

    [Fact]
    public void Task_lists_in_html_comments_are_invisible_and_ignored()
    {
        var tasks = ParseOk("<!-- template:\n- [ ] example task\n-->\n- [ ] Real <!-- - [ ] inline --> task\n  more");

        var task = Assert.Single(tasks);
        Assert.Equal("Real task", task.Title);
        Assert.Equal("Real task\nmore", task.Instructions);
        Assert.Null(TaskListPlanParser.Parse("<!--\n- [ ] only in a comment\n-->", "coder", Roles));
    }
}
