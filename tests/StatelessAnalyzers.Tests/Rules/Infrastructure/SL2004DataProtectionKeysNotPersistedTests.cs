using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2004DataProtectionKeysNotPersistedAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed class SL2004DataProtectionKeysNotPersistedTests
{
    [Fact]
    public Task Reports_CookieAuthenticationWithoutPersistedKeys() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("Cookies").{|#0:AddCookie|}(options => options.LoginPath = "/login");
        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseAuthentication();
        app.Run();
        """, Verify.Diagnostic().WithLocation(0).WithArguments("AddCookie"));

    [Theory]
    [InlineData("services.AddDataProtection()", "AddDataProtection")]
    [InlineData("services.AddSession()", "AddSession")]
    [InlineData("services.AddAntiforgery()", "AddAntiforgery")]
    [InlineData("services.AddControllersWithViews()", "AddControllersWithViews")]
    [InlineData("services.AddRazorPages()", "AddRazorPages")]
    [InlineData("services.AddMvc()", "AddMvc")]
    [InlineData("services.AddMvcCore().AddRazorPages()", "AddRazorPages")]
    [InlineData("services.AddRazorComponents()", "AddRazorComponents")]
    [InlineData("services.AddIdentity<IdentityUser, IdentityRole>()", "AddIdentity")]
    [InlineData("services.AddIdentityApiEndpoints<IdentityUser>()", "AddIdentityApiEndpoints")]
    [InlineData("services.AddAuthentication().AddCookie()", "AddCookie")]
    [InlineData("DataProtectionServiceCollectionExtensions.AddDataProtection(services)", "AddDataProtection")]
    public Task Reports_EveryDataProtectionConsumer(string registration, string name) => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;

        public static class Registration
        {
            public static void Add(IServiceCollection services)
            {
                {{Mark(registration, name)}};
            }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments(name));

    [Fact]
    public Task Reports_OnceOnTheFirstRegistration() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.{|#0:AddRazorPages|}();
        builder.Services.AddSession();
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddDataProtection().SetApplicationName("shop");
        builder.Build().Run();
        """, Verify.Diagnostic().WithLocation(0).WithArguments("AddRazorPages"));

    [Fact]
    public Task Reports_TheFirstFileByPath() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Web
            {
                public static void Add(IServiceCollection services) => services.AddControllersWithViews();
            }
            """,
        AdditionalSources =
        {
            ("A.cs", """
                using Microsoft.Extensions.DependencyInjection;

                public static class Auth
                {
                    public static void Add(IServiceCollection services) => services.AddAuthentication().{|#0:AddCookie|}();
                }
                """),
        },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("AddCookie") },
    }.RunAsync();

    [Fact]
    public Task Reports_WhenKeysArePersistedOnlyInDevelopment() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var dataProtection = builder.Services.{|#0:AddDataProtection|}();
        if (builder.Environment.IsDevelopment())
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo("keys"));
        builder.Build().Run();
        """, Verify.Diagnostic().WithLocation(0).WithArguments("AddDataProtection"));

    [Theory]
    [InlineData("services.AddDataProtection().PersistKeysToFileSystem(new System.IO.DirectoryInfo(\"/mnt/shared/keys\"));")]
    [InlineData("services.AddDataProtection().PersistKeysToStackExchangeRedis(() => new object(), \"DataProtection-Keys\");")]
    [InlineData("services.AddDataProtection().PersistKeysToDbContext<KeysContext>();")]
    [InlineData("services.AddDataProtection().PersistKeysToAzureBlobStorage(new System.Uri(\"https://keys.blob.core.windows.net/keys/keys.xml\"));")]
    [InlineData("var dp = services.AddDataProtection(); dp.SetApplicationName(\"shop\"); dp.PersistKeysToDbContext<KeysContext>();")]
    [InlineData("services.Configure<KeyManagementOptions>(o => o.XmlRepository = new KeyRepository());")]
    [InlineData("services.AddDataProtection().AddKeyManagementOptions(o => o.XmlRepository = new KeyRepository());")]
    public Task Ignores_WhenKeysArePersistedAnywhere(string persistence) => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            builder.Services.AddAuthentication().AddCookie();
            builder.Build().Run();
            """,
        AdditionalSources =
        {
            ("Stores.cs", InfrastructureStubs.DataProtectionStores),
            ("Keys.cs", $$"""
                using System.Collections.Generic;
                using System.Xml.Linq;
                using Microsoft.AspNetCore.DataProtection;
                using Microsoft.AspNetCore.DataProtection.KeyManagement;
                using Microsoft.AspNetCore.DataProtection.Repositories;
                using Microsoft.Extensions.DependencyInjection;

                public sealed class KeysContext { }

                public sealed class KeyRepository : IXmlRepository
                {
                    public IReadOnlyCollection<XElement> GetAllElements() => new List<XElement>();
                    public void StoreElement(XElement element, string friendlyName) { }
                }

                public static class Keys
                {
                    public static void Add(IServiceCollection services) { {{persistence}} }
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task Ignores_ApiOnlyAppsThatDoNotUseDataProtection() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddAuthorization();
        builder.Services.AddIdentityCore<Microsoft.AspNetCore.Identity.IdentityUser>();
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_DevelopmentGuards() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
            builder.Services.AddRazorPages();
        #if DEBUG
        builder.Services.AddSession();
        #endif
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static void Configure(IServiceCollection services) => services.AddAuthentication().AddCookie();
        }
        """);

    [Fact]
    public Task Options_ReportInTestsAndDevelopmentGuards() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

            public static class Fixture
            {
                public static void Configure(IServiceCollection services, IHostEnvironment environment)
                {
                    if (environment.IsDevelopment())
                        services.{|#0:AddRazorPages|}();
                }
            }
            """,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.report_in_tests = true
            stateless_analyzers.development_guards = false
            """,
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("AddRazorPages") },
    }.RunAsync();

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static void Add(IServiceCollection services)
                {
                    services.[|AddRazorPages|]();
                    services.AddDataProtection().PersistKeysToNowhere(
                    services.AddSession(
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();

    private static string Mark(string registration, string name)
    {
        var at = registration.LastIndexOf(name, StringComparison.Ordinal);
        return registration[..at] + "{|#0:" + name + "|}" + registration[(at + name.Length)..];
    }
}
