using BenchmarkDotNet.Running;

// Run one: dotnet run -c Release --project benchmarks/LmsPrivacy.Benchmarks -- --filter '*Pseudonymizer*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
