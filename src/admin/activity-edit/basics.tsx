import { Input, Textarea } from '@tarojs/components'
import { Field } from '@/components'
import { CATEGORY_LABELS, CATEGORY_ORDER } from '@/utils/activity-labels'
import { ChoiceChips } from '../components/choice-chips'
import { FieldError } from '../components/field-error'
import { PosterField } from '../components/poster-field'
import { messagesUnder } from '../components/field-paths'
import type { ActivityEditor } from './use-activity-editor'

/** What the activity is and where: title, category, poster, description, place. */
export function Basics({ editor, locked }: { editor: ActivityEditor; locked: boolean }) {
  const { form, errors, change } = editor
  return (
    <>
      <Field label="标题">
        <Input
          className="zg-field__input"
          value={form.title}
          maxlength={60}
          disabled={locked}
          placeholder="如：杂技剧《山水相依》"
          onInput={(e) => change('title', e.detail.value)}
        />
        <FieldError messages={messagesUnder(errors, 'title')} />
      </Field>
      <Field label="活动类别">
        <ChoiceChips
          options={CATEGORY_ORDER}
          labelOf={(c) => CATEGORY_LABELS[c]}
          value={form.category}
          disabled={locked}
          onChange={(c) => change('category', c)}
        />
        <FieldError messages={messagesUnder(errors, 'category')} />
      </Field>
      <PosterField
        previewUrl={form.posterPreview}
        folder="activity-posters"
        onChange={(p) => {
          change('posterFileId', p?.fileId ?? null)
          change('posterPreview', p?.previewUrl ?? null)
        }}
      />
      <FieldError messages={messagesUnder(errors, 'posterFileId')} />
      <Field label="活动介绍">
        <Textarea
          className="zg-field__textarea"
          value={form.description}
          maxlength={5000}
          autoHeight
          disabled={locked}
          placeholder="内容、对象、注意事项等"
          onInput={(e) => change('description', e.detail.value)}
        />
        <FieldError messages={messagesUnder(errors, 'description')} />
      </Field>
      <Field label="地点">
        <Input
          className="zg-field__input"
          value={form.placeName}
          maxlength={60}
          disabled={locked}
          placeholder="地点名称，如：杭州运河大剧院"
          onInput={(e) => change('placeName', e.detail.value)}
        />
        <FieldError messages={messagesUnder(errors, 'place.name')} />
        <Input
          className="zg-field__input"
          value={form.placeAddress}
          maxlength={120}
          disabled={locked}
          placeholder="详细地址"
          onInput={(e) => change('placeAddress', e.detail.value)}
        />
        <FieldError
          messages={[
            ...messagesUnder(errors, 'place.address'),
            ...(errors.place ? [errors.place] : []),
          ]}
        />
      </Field>
    </>
  )
}
