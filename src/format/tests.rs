use super::*;

#[test]
fn table_sizes_match_the_official_formats() {
    // 25 × 7 = 175 cells in 2021, 23 × 7 = 161 in 2019 (domain §2.4, §4.2); 10 and 22
    // figures in table 二.
    let cells = |s: &FormatSpec| s.applications.len() * common::APP_COLUMNS.len();
    assert_eq!(cells(&f2021::SPEC), 175);
    assert_eq!(cells(&f2019::SPEC), 161);
    let results =
        |s: &FormatSpec| s.applications.iter().filter(|r| r.kind == RowKind::Result).count();
    assert_eq!(results(&f2021::SPEC), 21);
    assert_eq!(results(&f2019::SPEC), 19);
    let figures = |s: &FormatSpec| s.proactive_rows().map(|(g, _)| g.width()).sum::<usize>();
    assert_eq!(figures(&f2021::SPEC), 10);
    assert_eq!(figures(&f2019::SPEC), 22);
}

#[test]
fn every_item_group_fills_the_three_value_columns() {
    for spec in FORMATS {
        for g in spec.proactive {
            let span: u16 = g.columns.iter().map(|c| c.span).sum();
            assert_eq!(span, 3, "{} {}", spec.name, g.item);
        }
    }
}

#[test]
fn full_labels_name_the_group() {
    let row = &f2021::SPEC.applications[4];
    let group = row.group.expect("a row of （三）");
    assert_eq!(row.full_label(), format!("{} {group} {}", common::RESULTS, row.label));
    let first = f2021::SPEC.applications[0];
    assert_eq!(first.full_label(), first.label);
    assert_eq!(
        common::app_column_label(1),
        format!("{}—{}", common::LEGAL_PERSONS, common::app_column(1))
    );
}

#[test]
fn formats_are_chosen_by_year() {
    assert_eq!(Format::for_year(2007), None);
    assert_eq!(Format::for_year(2008), Some(Format::F2008));
    assert_eq!(Format::for_year(2018), Some(Format::F2008));
    assert_eq!(Format::for_year(2019), Some(Format::F2019));
    assert_eq!(Format::for_year(2020), Some(Format::F2019));
    assert_eq!(Format::for_year(2021), Some(Format::F2021));
    assert_eq!(Format::from_name(2021), Some(Format::F2021));
    assert_eq!(Format::from_name(2008), Some(Format::F2008));
    assert_eq!(Format::from_name(2007), None);
}

#[test]
fn keys_are_unique_within_a_format() {
    for spec in FORMATS {
        let mut keys: Vec<&str> = spec.applications.iter().map(|r| r.key).collect();
        keys.extend(spec.proactive_rows().map(|(_, r)| r.key));
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "{}", spec.name);
    }
}
