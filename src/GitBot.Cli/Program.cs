using GitBot.Cli.Commands;

return await GitBotCommandLine.Create().Parse(args).InvokeAsync();
