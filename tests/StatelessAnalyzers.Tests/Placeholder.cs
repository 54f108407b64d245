namespace StatelessAnalyzers.Tests;
