using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2009PerInstanceSigningKeyAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed class SL2009PerInstanceSigningKeyTests
{
    private static Task Run(string code, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = code,
            AdditionalSources =
            {
                ("IdentityModel.cs", TokenStubs.IdentityModel),
                ("IdentityServer.cs", TokenStubs.IdentityServer),
                ("OpenIddict.cs", TokenStubs.OpenIddict),
            },
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_DeveloperCredentials() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddIdentityServer().{|#0:AddDeveloperSigningCredential|}();
        builder.Services.AddOpenIddict().AddServer(options => options
            .{|#1:AddEphemeralSigningKey|}()
            .{|#2:AddEphemeralEncryptionKey|}()
            .{|#3:AddDevelopmentSigningCertificate|}()
            .{|#4:AddDevelopmentEncryptionCertificate|}());
        builder.Build().Run();
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("AddDeveloperSigningCredential"),
        Verify.Diagnostic().WithLocation(1).WithArguments("AddEphemeralSigningKey"),
        Verify.Diagnostic().WithLocation(2).WithArguments("AddEphemeralEncryptionKey"),
        Verify.Diagnostic().WithLocation(3).WithArguments("AddDevelopmentSigningCertificate"),
        Verify.Diagnostic().WithLocation(4).WithArguments("AddDevelopmentEncryptionCertificate"));

    [Fact]
    public Task Reports_FreshKeysPassedToTokenApis() => Run("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            public static TokenValidationParameters Validation() => new()
            {
                IssuerSigningKey = new {|#0:SymmetricSecurityKey|}(RandomNumberGenerator.GetBytes(32)),
                TokenDecryptionKey = new {|#1:RsaSecurityKey|}(RSA.Create()),
            };

            public static SigningCredentials Signing()
            {
                var bytes = new byte[64];
                RandomNumberGenerator.Fill(bytes);
                var key = new {|#2:SymmetricSecurityKey|}(bytes);
                return new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
            }

            public static SigningCredentials FromGuid() =>
                new SigningCredentials(new {|#3:SymmetricSecurityKey|}(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"))), SecurityAlgorithms.HmacSha256);

            public static void Keys(TokenValidationParameters parameters)
            {
                var rsa = RSA.Create(2048);
                parameters.IssuerSigningKeys = new SecurityKey[] { new {|#4:RsaSecurityKey|}(rsa.ExportParameters(true)), new {|#5:ECDsaSecurityKey|}(ECDsa.Create()) };
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SymmetricSecurityKey"),
        Verify.Diagnostic().WithLocation(1).WithArguments("RsaSecurityKey"),
        Verify.Diagnostic().WithLocation(2).WithArguments("SymmetricSecurityKey"),
        Verify.Diagnostic().WithLocation(3).WithArguments("SymmetricSecurityKey"),
        Verify.Diagnostic().WithLocation(4).WithArguments("RsaSecurityKey"),
        Verify.Diagnostic().WithLocation(5).WithArguments("ECDsaSecurityKey"));

    [Fact]
    public Task Reports_KeyStoredInAMemberUsedForTokensElsewhere() => new Verify.Test
    {
        TestCode = """
            using System.Security.Cryptography;
            using Microsoft.IdentityModel.Tokens;

            public static class JwtKeys
            {
                public static readonly SecurityKey Signing = new {|#0:SymmetricSecurityKey|}(RandomNumberGenerator.GetBytes(32));

                public static SecurityKey Encryption => new {|#1:RsaSecurityKey|}(new RSACryptoServiceProvider(2048));

                // Created but never used for tokens: not reported.
                public static readonly SecurityKey Unused = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
            }
            """,
        AdditionalSources =
        {
            ("IdentityModel.cs", TokenStubs.IdentityModel),
            ("TokenService.cs", """
                using Microsoft.IdentityModel.Tokens;

                public sealed class TokenService
                {
                    public SecurityTokenDescriptor Describe() => new() { SigningCredentials = new SigningCredentials(JwtKeys.Signing, SecurityAlgorithms.HmacSha256) };

                    public TokenValidationParameters Validate() => new() { TokenDecryptionKey = JwtKeys.Encryption };
                }
                """),
        },
        ExpectedDiagnostics =
        {
            Verify.Diagnostic().WithLocation(0).WithArguments("SymmetricSecurityKey"),
            Verify.Diagnostic().WithLocation(1).WithArguments("RsaSecurityKey"),
        },
    }.RunAsync();

    [Fact]
    public Task Reports_KeyStoredInAMethodOrInstanceMemberUsedDirectlyOrThroughALocal() => new Verify.Test
    {
        TestCode = """
            using System.Security.Cryptography;
            using Microsoft.IdentityModel.Tokens;

            public sealed class KeyHolder
            {
                private readonly SecurityKey signing = new {|#0:SymmetricSecurityKey|}(RandomNumberGenerator.GetBytes(32));

                public SecurityKey Current { get; } = new {|#1:SymmetricSecurityKey|}(RandomNumberGenerator.GetBytes(32));

                // A key typed as object: its uses are not followed.
                public object Untyped { get; } = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));

                public static SecurityKey Create() => new {|#2:RsaSecurityKey|}(RSA.Create());

                public SigningCredentials Credentials()
                {
                    var key = this.signing;
                    return new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
                }
            }
            """,
        AdditionalSources =
        {
            ("IdentityModel.cs", TokenStubs.IdentityModel),
            ("TokenService.cs", """
                using Microsoft.IdentityModel.Tokens;

                public sealed class TokenService
                {
                    public TokenValidationParameters Validate(KeyHolder holder) => new()
                    {
                        IssuerSigningKey = holder.Current,
                        TokenDecryptionKey = KeyHolder.Create(),
                    };

                    public SigningCredentials Untyped(KeyHolder holder) => new((SecurityKey)holder.Untyped, SecurityAlgorithms.HmacSha256);
                }
                """),
        },
        ExpectedDiagnostics =
        {
            Verify.Diagnostic().WithLocation(0).WithArguments("SymmetricSecurityKey"),
            Verify.Diagnostic().WithLocation(1).WithArguments("SymmetricSecurityKey"),
            Verify.Diagnostic().WithLocation(2).WithArguments("RsaSecurityKey"),
        },
    }.RunAsync();

    [Fact]
    public Task Ignores_KeysFromConfigurationOrImportedKeyMaterial() => Run("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;

        public static class Tokens
        {
            public static TokenValidationParameters Validation(IConfiguration configuration)
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(configuration["Jwt:PublicKey"]);
                var ecdsa = ECDsa.Create();
                ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(configuration["Jwt:EcKey"]!), out _);
                return new TokenValidationParameters
                {
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Jwt:Key"]!)),
                    TokenDecryptionKey = new RsaSecurityKey(rsa),
                    IssuerSigningKeys = new SecurityKey[] { new ECDsaSecurityKey(ecdsa), new RsaSecurityKey(RSA.Create(new RSAParameters())) },
                };
            }

            // A random value that is not a key, and a fresh key that never reaches a token API.
            public static byte[] Nonce() => RandomNumberGenerator.GetBytes(16);

            public static int Size() => new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)).GetHashCode();
        }
        """);

    [Fact]
    public Task Ignores_DevelopmentGuards() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var identityServer = builder.Services.AddIdentityServer();
        if (builder.Environment.IsDevelopment())
            identityServer.AddDeveloperSigningCredential();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            if (builder.Environment.IsEnvironment("Development"))
                options.AddEphemeralSigningKey();
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_TestProjects() => Run("""
        using System.Security.Cryptography;
        using Microsoft.IdentityModel.Tokens;

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class TestTokens
        {
            public static SigningCredentials Credentials() =>
                new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256);
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using System.Security.Cryptography;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static object Broken(Missing missing)
                {
                    var key = new SymmetricSecurityKey(missing.Bytes);
                    var other = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(
                    return new SigningCredentials(key, 
                }
            }
            """,
        AdditionalSources = { ("IdentityModel.cs", TokenStubs.IdentityModel) },
        AllowCompilerErrors = true,
    }.RunAsync();
}
