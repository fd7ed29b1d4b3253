using GitBot.Core.Plans;

namespace GitBot.Core.Tests.Plans;

public sealed class PlanValidatorTests
{
    private static readonly string[] Roles = ["coder", "backend"];

    private static PlannedTask T(string id, params string[] dependsOn) => new(id, "Task " + id, "coder", "do " + id, dependsOn, []);

    [Fact]
    public void A_valid_graph_has_no_problems()
    {
        PlannedTask[] tasks = [T("a"), T("b"), T("c", "a", "b"), T("d_1-x", "c", "a")];

        Assert.Empty(PlanValidator.Validate(tasks, Roles, 10));
    }

    public static TheoryData<PlannedTask[], int, string[]> Cases() => new()
    {
        { [], 10, ["the plan has no tasks"] },
        { [T("1"), T("2"), T("3")], 2, ["the plan has 3 tasks; at most 2 are allowed"] },
        { [T("1"), T("1"), T("1")], 10, ["task id \"1\" is used by more than one task"] },
        { [T("")], 10, ["task id \"\" is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit"] },
        { [T("-x")], 10, ["task id \"-x\" is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit"] },
        { [T("a b")], 10, ["task id \"a b\" is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit"] },
        { [T("a/b")], 10, ["task id \"a/b\" is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit"] },
        { [T("a..b")], 10, ["task id \"a..b\" is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit"] },
        { [T(new string('a', 33))], 10, [$"task id \"{new string('a', 33)}\" is not valid: use 1 to 32 letters, digits, '-' or '_', starting with a letter or digit"] },
        { [new PlannedTask("1", "  ", "coder", "i", [], [])], 10, ["task 1 has no title"] },
        { [new PlannedTask("1", "t", "designer", "i", [], [])], 10, ["task 1 has the unknown role \"designer\"; known roles: backend, coder"] },
        { [new PlannedTask("1", "t", "Coder", "i", [], [])], 10, ["task 1 has the unknown role \"Coder\"; known roles: backend, coder"] },
        { [T("1", "1")], 10, ["task 1 depends on itself"] },
        { [T("1", "9")], 10, ["task 1 depends on \"9\", which is not a task of the plan"] },
        { [T("1", "3"), T("2"), T("3", "1")], 10, ["cycle: 1 → 3 → 1"] },
        { [T("a", "b"), T("b", "c"), T("c", "a")], 10, ["cycle: a → b → c → a"] },
        { [T("a", "b"), T("b", "a"), T("c", "d"), T("d", "c")], 10, ["cycle: a → b → a", "cycle: c → d → c"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Problems_are_reported_precisely(PlannedTask[] tasks, int maxTasks, string[] expected)
    {
        Assert.Equal(expected, PlanValidator.Validate(tasks, Roles, maxTasks));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        PlannedTask[] tasks =
        [
            new("1", "", "ghost", "i", ["1", "7"], []),
            T("2", "3"),
            T("3", "2"),
        ];

        var problems = PlanValidator.Validate(tasks, Roles, 2);

        Assert.Equal(
            [
                "the plan has 3 tasks; at most 2 are allowed",
                "task 1 has no title",
                "task 1 has the unknown role \"ghost\"; known roles: backend, coder",
                "task 1 depends on itself",
                "task 1 depends on \"7\", which is not a task of the plan",
                "cycle: 2 → 3 → 2",
            ],
            problems);
    }

    [Fact]
    public void A_long_chain_is_acyclic()
    {
        var tasks = Enumerable.Range(0, 500).Select(i => i == 0 ? T("0") : T(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        Assert.Empty(PlanValidator.Validate(tasks, Roles, 500));
    }
}
