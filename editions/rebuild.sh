#!/usr/bin/env bash
# Re-create the shipped editions from ../shared (the real documents, see each series' SOURCE.md)
# with `wpdiff ingest` itself. Run from the project root after `npm ci`: bash editions/rebuild.sh
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=../shared/corpora
seed=../shared/seed
wpdiff() { node bin/wpdiff.js "$@"; }

s=editions/cncf-cloud-native-security-whitepaper
mkdir -p "$s"
wpdiff ingest $corpora/cncf-cloud-native-security-whitepaper/v1-2020.en.md --series cncf-cloud-native-security-whitepaper --edition 2020 --year 2020 --title "Cloud Native Security Whitepaper" -o $s/2020.md --force
wpdiff ingest $corpora/cncf-cloud-native-security-whitepaper/v2-2022.en.md --series cncf-cloud-native-security-whitepaper --edition 2022 --year 2022 --title "Cloud Native Security Whitepaper" -o $s/2022.md --force

s=editions/cncf-cloud-native-security-whitepaper-zh-cn
mkdir -p "$s"
wpdiff ingest $corpora/cncf-cloud-native-security-whitepaper/v1-2020.zh-CN.md --series cncf-cloud-native-security-whitepaper-zh-cn --edition 2020 --year 2020 --title "云原生安全白皮书" -o $s/2020.md --force
wpdiff ingest $corpora/cncf-cloud-native-security-whitepaper/v2-2022.zh-CN.md --series cncf-cloud-native-security-whitepaper-zh-cn --edition 2022 --year 2022 --title "云原生安全白皮书" -o $s/2022.md --force

s=editions/owasp-api-security-top10
mkdir -p "$s"
for y in 2019 2023; do
  wpdiff ingest $corpora/owasp-api-security-top10/$y.en.md --series owasp-api-security-top10 --edition $y --year $y --title "OWASP API Security Top 10 $y" -o $s/$y.md --force
done

s=editions/un-general-debate-kor
mkdir -p "$s"
for f in $corpora/un-general-debate-kor/[12]*.txt; do
  y=$(basename "$f" .txt)
  wpdiff ingest "$f" --series un-general-debate-kor --edition "$y" --year "$y" --lang en \
    --title "Republic of Korea, statement in the UN General Debate $y" -o $s/$y.md --force --quiet
done

s=editions/diplomatic-white-paper
mkdir -p "$s"
wpdiff ingest $seed/diplomatic-white-paper-2020-front-matter.txt --from txt --series diplomatic-white-paper --edition 2020 --year 2020 --lang en -o $s/2020.md --force
