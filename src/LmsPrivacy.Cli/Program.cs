using LmsPrivacy.Cli.Infrastructure;

return await CliApp.RunAsync(args, CliContext.FromConsole()).ConfigureAwait(false);
