using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Longshan.Publicity.Portal;

/// <summary>
/// 公示平台 — the public disclosure portal (T1): server-rendered Chinese pages, no login, no JavaScript. It reads the
/// same stores as the public gRPC calls, so it can only show what is public (redacted versions, never originals).
/// </summary>
public static class PortalFeature
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Portal/Pages");
        // Chinese text is written as characters, not as &#x...; entities (still HTML-encoded where it must be).
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    const string ErrorPage = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面未找到或请求有误 - 龙山县行政执法公示平台</title></head>
        <body><h1>页面未找到或请求有误（{0}）</h1><p><a href="/">返回首页</a></p></body></html>
        """;

    public static WebApplication MapPortal(this WebApplication app)
    {
        // Browsers get a Chinese error page; gRPC callers keep their bare status codes.
        app.UseWhen(context => context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true,
            portal => portal.UseStatusCodePages("text/html; charset=utf-8", ErrorPage));
        app.MapRazorPages().AllowAnonymous();
        return app;
    }
}
