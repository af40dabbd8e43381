# GrowthBot container: one process, one SQLite file in the /data volume.
#   docker build -t growthbot .
#   docker run -p 8080:8080 -v growthbot-data:/data -e Slack__BotToken=xoxb-… -e Slack__SigningSecret=… growthbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY GrowthBot.sln Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# Published for the image's own architecture (BuildKit sets TARGETARCH: amd64 or arm64), so the output carries only
# that platform's native libraries (SQLite, and SkiaSharp for charts) instead of every platform's: SkiaSharp alone ships
# over 500 MB of Windows, macOS and musl natives and debug symbols. No apphost: the entrypoint is `dotnet GrowthBot.dll`.
ARG TARGETARCH
RUN dotnet publish src/GrowthBot/GrowthBot.csproj -c Release -o /app/publish -a $TARGETARCH -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# The image's built-in non-root user "app" (APP_UID=1654) must own the database folder; a new named
# volume mounted on /data copies this ownership.
RUN mkdir /data && chown "$APP_UID:$APP_UID" /data
VOLUME /data
COPY --from=build /app/publish .
USER $APP_UID
ENV ConnectionStrings__GrowthBot="Data Source=/data/growthbot.db" \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The image has no curl or wget; bash's /dev/tcp is enough to ask GET /health and require a 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r status <&3 && [[ $status == *' 200 '* ]]"]
ENTRYPOINT ["dotnet", "GrowthBot.dll"]
